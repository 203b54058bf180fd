/**
 * Stacking order shared by the pages (issue #15 item 7). uni-app's H5 tab bar sits at z-index 998, so a
 * bottom popup (tag filter, region picker) must be above it, or its 确定 lies under the tab bar.
 */
export const POPUP_Z_INDEX = 1000
