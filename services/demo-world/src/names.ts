/** Word lists for realistic Chinese names of people, places and units. */
export const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗', '郑', '梁', '谢', '宋', '唐', '韩', '冯', '于', '董', '萧'];
export const givenNames = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建国', '建华', '玉兰', '志强', '海燕', '红梅', '国庆', '晓东', '文博', '雅琴', '德明', '淑珍', '子涵', '浩然', '思远', '振华', '春梅'];
export const streetNames = ['长安街道', '和平街道', '朝阳街道', '新华街道', '解放街道', '人民街道', '建设街道', '东风街道', '光明街道', '幸福街道'];
export const communityWords = ['翠苑', '金桥', '锦绣', '枫林', '桃源', '春晖', '望江', '明珠', '东湖', '西园', '南苑', '北辰', '阳光', '康乐', '和谐', '文华', '丰泽', '清河', '碧水', '兴隆'];
export const unitTemplates: { name: string; category: string }[] = [
  { name: '区人民法院', category: 'GOVERNMENT_AGENCY' },
  { name: '区税务局', category: 'GOVERNMENT_AGENCY' },
  { name: '区市场监督管理局', category: 'GOVERNMENT_AGENCY' },
  { name: '第一人民医院', category: 'PUBLIC_INSTITUTION' },
  { name: '实验中学', category: 'PUBLIC_INSTITUTION' },
  { name: '区图书馆', category: 'PUBLIC_INSTITUTION' },
  { name: '国家电网供电所', category: 'STATE_ENTERPRISE' },
  { name: '工商银行支行', category: 'STATE_ENTERPRISE' },
  { name: '中国移动营业厅', category: 'STATE_ENTERPRISE' },
  { name: '华信科技有限公司', category: 'NON_PUBLIC_ENTERPRISE' },
  { name: '佳美物业服务有限公司', category: 'NON_PUBLIC_ENTERPRISE' },
  { name: '鑫源商贸有限公司', category: 'NON_PUBLIC_ENTERPRISE' },
  { name: '阳光志愿者协会', category: 'SOCIAL_ORGANIZATION' },
  { name: '夕阳红老年协会', category: 'SOCIAL_ORGANIZATION' },
];
export const resourceTemplates: { kind: string; name: string; capacity: number | null }[] = [
  { kind: 'VENUE', name: '多功能会议室', capacity: 80 },
  { kind: 'VENUE', name: '党员活动室', capacity: 40 },
  { kind: 'VENUE', name: '室内篮球场', capacity: 120 },
  { kind: 'FACILITY', name: '投影设备', capacity: 1 },
  { kind: 'EXPERT', name: '法律咨询讲师团', capacity: null },
  { kind: 'EXPERT', name: '义诊医疗专家', capacity: null },
  { kind: 'FUNDING', name: '共建帮扶资金', capacity: null },
  { kind: 'JOBS', name: '社区就业岗位', capacity: 10 },
  { kind: 'SERVICE', name: '家电义务维修', capacity: null },
];
export const activityTemplates: { kind: string; title: string }[] = [
  { kind: 'DEDICATION_DAY', title: '党员奉献日志愿服务' },
  { kind: 'VOLUNTEER_SERVICE', title: '社区环境清洁行动' },
  { kind: 'PAIRED_ASSISTANCE', title: '结对帮扶困难家庭走访' },
  { kind: 'PARTY_EDUCATION', title: '主题党日党课学习' },
  { kind: 'CULTURE_SPORTS', title: '邻里文化节文艺汇演' },
  { kind: 'PATROL', title: '平安巡逻' },
  { kind: 'VOLUNTEER_SERVICE', title: '义诊义修便民服务' },
  { kind: 'MEETING', title: '党建联席会议' },
];
export const skills = ['LEGAL', 'REPAIR', 'MEDICAL', 'PATROL', 'TUTORING', 'IT', 'CULTURE_SPORTS', 'CARE', 'OTHER'];
export const ethnicities = ['汉族', '汉族', '汉族', '汉族', '回族', '满族', '蒙古族', '壮族'];
export const educations = ['HIGH_SCHOOL', 'VOCATIONAL', 'COLLEGE', 'BACHELOR', 'MASTER'];
