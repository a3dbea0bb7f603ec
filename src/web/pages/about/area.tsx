import { type Area, lazyPage } from '../../area.js';

/** Pages about Approdo itself, open to anyone: the accessibility declaration (linked from every page's footer). */
export const aboutArea: Area = [{ path: '/accessibilita', public: true, element: lazyPage(() => import('./AccessibilityPage.js')) }];
