/** WeChat message-push crypto shared by the /wechat callback and the simulator. */
export { wechatSignature, isValidWechatSignature } from './wechatSignature';
export { decodeAesKey } from './decodeAesKey';
export { pkcs7Pad, pkcs7Unpad, WECHAT_BLOCK_SIZE } from './pkcs7';
export { encryptWechatMessage } from './encryptWechatMessage';
export { decryptWechatMessage } from './decryptWechatMessage';
export type { DecryptedWechatMessage } from './decryptWechatMessage';
export { sealWechatMessage, encryptedReplyXml, encryptedPushXml } from './sealWechatMessage';
export type { SealWechatMessageOptions, SealedWechatMessage } from './sealWechatMessage';
export { openWechatMessage, readEnvelopeField } from './openWechatMessage';
export type { OpenWechatMessageOptions } from './openWechatMessage';
export { WechatCryptoError } from './WechatCryptoError';
export type { WechatCryptoProblem } from './WechatCryptoError';
