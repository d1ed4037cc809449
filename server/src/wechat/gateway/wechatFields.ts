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

/**
 * A number, also from the decimal string json-bigint makes of numbers longer than 15
 * digits (a "no limit" quota of 2^53-1, say). Only ids need exactness, and they are read
 * with `optionalId` instead.
 */
function numeric(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return null;
}

/** A required numeric field. */
export function requireNumber(json: WechatJson, field: string): number {
  const value = numeric(json[field]);
  if (value === null) throw missing(field);
  return value;
}

/** An optional numeric field. */
export function optionalNumber(json: WechatJson, field: string): number | null {
  return numeric(json[field]);
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

/** An array of numbers (empty when absent). */
export function numberArray(value: unknown): number[] {
  return Array.isArray(value) ? value.map(numeric).filter((item): item is number => item !== null) : [];
}

/** A 64-bit id as an exact string, or null. */
export function optionalId(json: WechatJson, field: string): string | null {
  return idString(json[field]);
}
