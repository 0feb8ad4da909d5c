import { defineMessages } from '../define';

/** A resident unit's name is unique in its community (issue 18: the database holds it, resident_unit_community_id_name_key). */
export const residentUnitsMessages = defineMessages({
  'residentUnit.nameTaken': {
    'zh-CN': '{community}已有名为“{name}”的驻区单位',
    en: '{community} already has a resident unit named “{name}”',
  },
});
