/**
 * The few strings main shows itself: menu labels and the fatal-error title. Role items
 * (Copy, Paste…) are relabelled too, because Electron only localises them on macOS.
 * Picked once from the OS locale at start; the page has its own catalogs.
 */
export interface MainLabels {
  file: string;
  edit: string;
  view: string;
  window: string;
  help: string;
  newClient: string;
  settings: string;
  showDataFolder: string;
  about: string;
  services: string;
  hide: string;
  hideOthers: string;
  unhide: string;
  quit: string;
  close: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  pasteAndMatchStyle: string;
  delete: string;
  selectAll: string;
  reload: string;
  forceReload: string;
  toggleDevTools: string;
  resetZoom: string;
  zoomIn: string;
  zoomOut: string;
  toggleFullScreen: string;
  minimize: string;
  zoom: string;
  front: string;
  fatalTitle: string;
}

const en: MainLabels = {
  file: '&File',
  edit: '&Edit',
  view: '&View',
  window: '&Window',
  help: '&Help',
  newClient: 'New Client',
  settings: 'Settings…',
  showDataFolder: 'Show Data Folder',
  about: 'About Engagement Desk',
  services: 'Services',
  hide: 'Hide Engagement Desk',
  hideOthers: 'Hide Others',
  unhide: 'Show All',
  quit: 'Quit Engagement Desk',
  close: 'Close Window',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  pasteAndMatchStyle: 'Paste and Match Style',
  delete: 'Delete',
  selectAll: 'Select All',
  reload: 'Reload',
  forceReload: 'Force Reload',
  toggleDevTools: 'Toggle Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullScreen: 'Toggle Full Screen',
  minimize: 'Minimize',
  zoom: 'Zoom',
  front: 'Bring All to Front',
  fatalTitle: 'Engagement Desk cannot open your data',
};

const zhCN: MainLabels = {
  file: '文件(&F)',
  edit: '编辑(&E)',
  view: '视图(&V)',
  window: '窗口(&W)',
  help: '帮助(&H)',
  newClient: '新建客户',
  settings: '设置…',
  showDataFolder: '显示数据文件夹',
  about: '关于 Engagement Desk',
  services: '服务',
  hide: '隐藏 Engagement Desk',
  hideOthers: '隐藏其他',
  unhide: '全部显示',
  quit: '退出 Engagement Desk',
  close: '关闭窗口',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  pasteAndMatchStyle: '粘贴并匹配样式',
  delete: '删除',
  selectAll: '全选',
  reload: '重新加载',
  forceReload: '强制重新加载',
  toggleDevTools: '切换开发者工具',
  resetZoom: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  toggleFullScreen: '切换全屏',
  minimize: '最小化',
  zoom: '缩放',
  front: '全部置于顶层',
  fatalTitle: 'Engagement Desk 无法打开您的数据',
};

/** Simplified Chinese for any `zh` locale (the app ships no Traditional catalog), else English. */
export function labelsFor(locale: string): MainLabels {
  return /^zh\b/i.test(locale) ? zhCN : en;
}
