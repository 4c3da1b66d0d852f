import type { LocaleTranslations } from 'adminjs';
import type { Area, ResourceLabels } from '../../platform/areas/area.js';

/**
 * Navigation groups by business area, in the sidebar's order (admin-area.ts sorts the screens
 * by it; within a group they keep the areas' order).
 */
export const NAVIGATION = {
  organisation: { name: '组织机构', icon: 'Home' },
  deputies: { name: '代表管理', icon: 'Users' },
  activities: { name: '代表活动', icon: 'Calendar' },
  supervision: { name: '监督工作', icon: 'Eye' },
  outreach: { name: '联系选民', icon: 'MessageCircle' },
  system: { name: '系统设置', icon: 'Settings' },
  compliance: { name: '履职督促', icon: 'CheckSquare' },
  audit: { name: '安全审计', icon: 'Shield' },
} as const;

export const availableValues = (
  labels: Record<string, string>,
): { value: string; label: string }[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const BOOLEAN_PATHS = ['enabled', 'mustChangePassword'];

/**
 * The panel's zh-CN translations: the panel's own words, and every area's resource, field and
 * action labels (`labels` in its area file).
 */
export function zhCN(areas: readonly Area[]): Partial<LocaleTranslations> {
  const resources: Record<string, ResourceLabels> = {};
  for (const area of areas) {
    for (const [id, labels] of Object.entries(area.labels.resources ?? {})) {
      if (id in resources) throw new Error(`${area.name}: resource ${id} is labelled twice`);
      resources[id] = labels;
    }
  }
  const actions = Object.fromEntries(
    areas.flatMap((area) => Object.entries(area.labels.actions ?? {})),
  );
  return {
    labels: {
      navigation: '导航',
      dashboard: '首页',
      loginWelcome: '人大工委工作平台',
      ...Object.fromEntries(
        BOOLEAN_PATHS.flatMap((path) => [
          [`${path}.true`, '是'],
          [`${path}.false`, '否'],
        ]),
      ),
      ...Object.fromEntries(Object.entries(resources).map(([id, resource]) => [id, resource.name])),
    },
    actions,
    components: {
      // AdminJS's own zh-CN names Chinese "中国人" (a Chinese person) in the top bar's selector.
      LanguageSelector: { availableLanguages: { 'zh-CN': '简体中文', en: 'English' } },
      Login: {
        welcomeHeader: '人大工委工作平台',
        welcomeMessage: '街道人大工委代表履职与活动记录系统。请使用管理员账号登录。',
        properties: { email: '用户名', password: '密码' },
        loginButton: '登录',
      },
    },
    messages: {
      invalidCredentials: '用户名或密码错误',
      accountLocked: '登录失败次数过多，账户已暂时锁定，请稍后再试或联系安全管理员',
      tooManyRequests: '该地址登录失败次数过多，请稍后再试',
      loginRateLimited: '登录请求过于频繁，请一分钟后再试',
      loginUnavailable: '暂时无法登录，请稍后再试',
      forbiddenError: '当前角色无权执行此操作',
      anyForbiddenError: '当前角色无权执行此操作',
      successfullyCreated: '已创建',
      successfullyUpdated: '已保存',
      successfullyDeleted: '已删除',
      thereWereValidationErrors: '填写有误，请检查标红的字段',
    },
    resources: Object.fromEntries(
      Object.entries(resources).map(([id, resource]) => [id, { properties: resource.properties }]),
    ),
  };
}
