import { defineMessages } from '../define';

/** What a caller reads when a service fails under it (issue 20's fault suite found these paths). */
export const faultsMessages = defineMessages({
  // A mutation whose subgraph was reached but did not answer (timeout, reset): it may have committed.
  'subgraph.outcomeUnknown': {
    'zh-CN': '{service:service}服务未及时答复，此项更改可能已经完成，也可能没有；请使用同一 Idempotency-Key 重试，以免重复更改',
    en: 'The {service:service} service did not answer in time; the change may or may not have been made. Retry with the same Idempotency-Key so it is made once',
  },
});
