import type { ResourceRef, Val } from '../values.js';

export interface ApiStageFacts {
  /** Stage name (or the native id of the stage resource when the name is unknown). */
  readonly name: string;
  /** A `*`/`/*` method setting with caching enabled and the cache encrypted. */
  readonly cacheEnabledAndEncrypted: Val<boolean>;
  /** Execution logging level of the `*`/`/*` method setting: `OFF` (default), `ERROR`, `INFO`. */
  readonly executionLoggingLevel: Val<string>;
  /** A client certificate for calls to the backend (`ClientCertificateId`). */
  readonly clientCertificate: Val<boolean>;
  readonly tracingEnabled: Val<boolean>;
  /** Access logs to a destination (`AccessLogSetting(s).DestinationArn`). */
  readonly accessLogging: Val<boolean>;
  /** Stage-wide throttling (`*`/`/*` method setting or default route settings) with a rate limit set. */
  readonly throttling: Val<boolean>;
  /** WAFv2 web ACLs associated with the stage. */
  readonly webAcls: readonly Val<ResourceRef | string>[];
}

export interface ApiFacts {
  /** `rest` (API Gateway v1), `http` or `websocket` (v2). */
  readonly protocol: Val<'rest' | 'http' | 'websocket'>;
  /** REST endpoint type: `EDGE` (AWS default), `REGIONAL`, `PRIVATE`; v2 APIs are `REGIONAL`. */
  readonly endpointType: Val<string>;
  readonly stages: readonly ApiStageFacts[];
}

declare module '../resource.js' {
  interface KindFacts {
    Api: ApiFacts;
  }
}
