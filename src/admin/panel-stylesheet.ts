import type { NextFunction, Request, Response } from 'express';

/** Where the panel's pages load the panel's own stylesheet from (within the admin path). */
export const PANEL_STYLESHEET = '/panel.css';

/**
 * The panel's few style rules of its own. AdminJS's selects (react-select) show react-select's
 * English placeholder "Select..." on every form and filter, and AdminJS passes no placeholder a
 * translation could reach: the rule hides that text and writes 请选择… in its place.
 */
const STYLESHEET = `/* react-select's placeholder, in Chinese */
[class*="-container"] [class*="-placeholder"] { font-size: 0; }
[class*="-container"] [class*="-placeholder"]::after { content: "请选择…"; font-size: 14px; }
`;

export function panelStylesheet(): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    if (req.method !== 'GET' || req.path !== PANEL_STYLESHEET) return next();
    res.type('text/css').setHeader('Cache-Control', 'public, max-age=3600').send(STYLESHEET);
  };
}
