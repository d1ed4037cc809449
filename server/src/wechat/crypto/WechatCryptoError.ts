/** Why a WeChat message could not be verified or decrypted. */
export type WechatCryptoProblem =
  | 'bad_aes_key'
  | 'bad_signature'
  | 'bad_ciphertext'
  | 'bad_padding'
  | 'bad_length'
  | 'appid_mismatch'
  | 'missing_encrypt';

/** Thrown when a signature does not match or a ciphertext is not a valid WeChat envelope. */
export class WechatCryptoError extends Error {
  constructor(
    readonly problem: WechatCryptoProblem,
    message: string,
  ) {
    super(message);
    this.name = 'WechatCryptoError';
  }
}
