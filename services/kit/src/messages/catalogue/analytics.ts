import { defineMessages } from '../define';

/** The analytics read model's HTTP answers. */
export const analyticsMessages = defineMessages({
  'analytics.communityId': { 'zh-CN': '社区 ID 须为 UUID', en: 'The community id must be a UUID' },
  'analytics.communityUnknown': { 'zh-CN': '尚无事件提及社区 {id}', en: 'No event has named community {id} yet' },
  'analytics.noSuchPath': {
    'zh-CN': '请访问 /read-model/summary 或 /read-model/communities/:id',
    en: 'Try /read-model/summary or /read-model/communities/:id',
  },
  'analytics.unreadable': { 'zh-CN': '无法读取读模型', en: 'The read model could not be read' },
});
