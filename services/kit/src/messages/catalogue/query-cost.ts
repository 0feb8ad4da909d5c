import { defineMessages } from '../define';

/** The gateway's limit on the amount of data an operation can answer (gateway/src/data-cost/). */
export const queryCostMessages = defineMessages({
  'query.dataCost': {
    'zh-CN': '操作估算最多返回 {estimated} 个对象（cost），上限为 {maximum}；请减小这些列表的 first：{lists}',
    en: 'The operation can answer up to {estimated} objects (cost); the limit is {maximum}. Ask for fewer items (first) in: {lists}',
  },
});
