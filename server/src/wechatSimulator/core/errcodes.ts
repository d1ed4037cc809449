/**
 * errmsg texts WeChat sends for each errcode (as observed or documented); the simulator
 * appends " rid: ..." to each, as WeChat does.
 */
export const ERRMSGS: Readonly<Record<number, string>> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40007: 'invalid media_id',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40016: 'invalid button size',
  40029: 'invalid code',
  40032: 'invalid openid list size',
  40037: 'invalid template_id',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40129: 'invalid scene',
  40130: 'invalid openid list size, at least two openid',
  40163: 'code been used',
  40169: 'invalid length for scene, or the data is not json string',
  41001: 'access_token missing',
  41030: 'invalid page',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  43004: 'require subscribe',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  45015: 'response out of time limit or subscription is canceled',
  45047: 'out of response count limit',
  45056: 'too many tags now',
  45057: "can't delete the tag that has too many fans",
  45058: "can't modify sys tag",
  45059: 'has too many tags',
  45065: 'clientmsgid exist',
  45066: 'same clientmsgid retry too fast',
  45067: 'clientmsgid size out of limit',
  45157: 'invalid tag name',
  45158: 'tag name too long',
  45159: 'invalid tag id',
  47001: 'data format error',
  47003: 'argument invalid!',
  48001: 'api unauthorized',
  48006: 'forbid to clear quota because of reaching the limit',
  61010: 'user is not recently active in the mini program',
  76021: 'cgi_path not found, please check',
};

/** The errmsg for `errcode`, or a generic one for codes the table does not know. */
export function errmsgFor(errcode: number): string {
  return ERRMSGS[errcode] ?? `error ${errcode}`;
}
