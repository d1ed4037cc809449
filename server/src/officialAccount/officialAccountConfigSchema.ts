import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();
const text = z.string().trim().min(1).max(600);

/** UTF-8 byte length, which is how WeChat limits menu names and keys. */
const bytes = (value: string): number => Buffer.byteLength(value, 'utf8');

const clickButton = z.object({ type: z.literal('click'), name: z.string().min(1), key: z.string().min(1).max(128) });
const viewButton = z.object({ type: z.literal('view'), name: z.string().min(1), url: z.string().url() });
const miniprogramButton = z.object({
  type: z.literal('miniprogram'),
  name: z.string().min(1),
  /** Shown by clients that cannot open mini-programs. */
  url: z.string().url(),
  appid: z.string().min(1),
  pagepath: z.string().min(1),
});
const leafButton = z.discriminatedUnion('type', [clickButton, viewButton, miniprogramButton]);
const subMenu = z.object({ name: z.string().min(1), sub_button: z.array(leafButton).min(1).max(5) });

/**
 * The custom menu in WeChat's own JSON shape (`{ button: [...] }`), so that it is published
 * as is. WeChat allows 3 top-level buttons of at most 16 bytes and 5 sub-buttons of at most
 * 60 bytes each.
 */
export const menuSchema = z
  .object({ button: z.array(z.union([leafButton, subMenu])).min(1).max(3) })
  .refine((menu) => menu.button.every((button) => bytes(button.name) <= 16), 'top-level button names are limited to 16 bytes')
  .refine(
    (menu) => menu.button.every((button) => !('sub_button' in button) || button.sub_button.every((sub) => bytes(sub.name) <= 60)),
    'sub-button names are limited to 60 bytes',
  );

/** Tier codes as an array, or a comma-separated string from an environment variable. */
const tierCodes = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').map((code) => code.trim()).filter(Boolean) : value),
  z.array(z.string().regex(/^[a-z][a-z0-9_]{0,15}$/)),
);

/** `officialAccount` in the configuration: how the /wechat callback answers, and what it says. */
export const officialAccountConfigSchema = z.object({
  /** Past this, the callback answers empty and the real answer goes out as a custom-service message. */
  replyBudgetMs: positiveInt.max(4500),
  /** How long a MsgId (or event key) and its first reply are remembered; WeChat retries for ~15 s. */
  dedupTtlSeconds: positiveInt.min(30).max(86_400),
  /** Larger push bodies are refused before parsing (WeChat's are a few kilobytes). */
  maxBodyBytes: positiveInt.min(1024).max(1024 * 1024),
  /** Members of these tiers are handed to a person when no rule or intent answers. */
  handoffTierCodes: tierCodes,
  /** After 联系店员, the follower's messages go to a person for this long. */
  handoffWindowMinutes: positiveInt.max(24 * 60),
  bindingTokenTtlHours: positiveInt.max(24 * 30),
  /** The mini-program pages the replies link to. */
  memberCardPage: z.string().regex(/^[a-z0-9_/-]+$/i),
  activityPage: z.string().regex(/^[a-z0-9_/-]+$/i),
  /**
   * The picture of mini-program cards whose keyword rule names none: the media id of an image
   * uploaded to the official account as permanent material (WeChat answers 40007 for an unknown one).
   */
  cardThumbMediaId: z.string().trim().min(1).max(128),
  texts: z.object({
    welcome: text,
    welcomeBack: text,
    fallback: text,
    howToBuy: text,
    contactStaff: text,
    latestActivity: text,
    bindPrompt: text,
  }),
  menu: menuSchema,
});

/** The validated `officialAccount` configuration. */
export type OfficialAccountConfig = z.infer<typeof officialAccountConfigSchema>;

/** One configured menu button (leaf or sub-menu). */
export type MenuButtonConfig = OfficialAccountConfig['menu']['button'][number];
