/// <reference types="@tarojs/taro" />

// Style and image imports are handled by Taro's webpack loaders, not by TypeScript.
declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.scss';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Replaced at build time by Taro's DefinePlugin. */
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built; `h5` or a mini-program such as `weapp`. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'rn' | 'harmony';
    /** Public: the API origin the mini-program calls (from miniprogram/.env.<mode>). H5 ignores it. */
    TARO_APP_API_BASE?: string;
  }
}
