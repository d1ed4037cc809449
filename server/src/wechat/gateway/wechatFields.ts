import type { WechatJson } from './parseWechatJson';
import { idString } from './parseWechatJson';

/**
 * Readers for fields of a successful WeChat answer. WeChat's answers are not validated
 * by a schema here: a missing required field is a broken answer and throws.
 */
function missing(field: string): Error {
  return new Error(`WeChat answer lacks ${field}`);
}

/** A required string field. */
export function requireString(json: WechatJson, field: string): string {
  const value = json[field];
  if (typeof value !== 'string') throw missing(field);
  return value;
}

/** An optional string field (null when absent or not a string). */
export function optionalString(json: WechatJson, field: string): string | null {
  const value = json[field];
  return typeof value === 'string' ? value : null;
}

/** A required numeric field (json-bigint leaves numbers of up to 15 digits as numbers). */
export function requireNumber(json: WechatJson, field: string): number {
  const value = json[field];
  if (typeof value !== 'number') throw missing(field);
  return value;
}

/** An optional numeric field. */
export function optionalNumber(json: WechatJson, field: string): number | null {
  const value = json[field];
  return typeof value === 'number' ? value : null;
}

/** A nested object (an empty one when absent). */
export function objectField(json: WechatJson, field: string): WechatJson {
  const value = json[field];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as WechatJson) : {};
}

/** An array of objects (empty when absent). */
export function objectArray(json: WechatJson, field: string): WechatJson[] {
  const value = json[field];
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is WechatJson => typeof item === 'object' && item !== null && !Array.isArray(item));
}

/** An array of strings (empty when absent). */
export function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** An array of integers (empty when absent). */
export function numberArray(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
}

/** A 64-bit id as an exact string, or null. */
export function optionalId(json: WechatJson, field: string): string | null {
  return idString(json[field]);
}
