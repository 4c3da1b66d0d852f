import type { DomainError } from '../common/errors.js';

export const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** The frame of the few server-rendered pages (they work before the AdminJS app may load). */
export function plainPage(title: string, content: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - 人大工委工作平台</title>
<style>
body{font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;background:#f6f7fb;margin:0}
main{max-width:420px;margin:8vh auto;background:#fff;padding:32px;border-radius:8px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
h1{font-size:20px;margin:0 0 8px}p.hint{color:#555;font-size:14px}label{display:block;margin:16px 0 4px;font-size:14px}
input{width:100%;box-sizing:border-box;padding:8px;font-size:15px;border:1px solid #ccd;border-radius:4px}
button{margin-top:24px;width:100%;padding:10px;font-size:16px;background:#c8102e;color:#fff;border:0;border-radius:4px;cursor:pointer}
.error{color:#b00020;background:#fdecee;padding:8px;border-radius:4px;font-size:14px}
.qr{text-align:center;margin:16px 0}.qr svg{width:200px;height:200px}
code{font-size:15px;letter-spacing:1px;word-break:break-all;background:#f1f2f6;padding:2px 4px}
</style>
</head>
<body><main>
${content}
</main></body></html>`;
}

/** What a refused form shows: each field's problem, or the error's message when it names none. */
export const formProblems = (error: DomainError): string =>
  error.details.map((detail) => detail.problem).join('；') || error.message;

export const errorBlock = (error?: string): string =>
  error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';

/** 修改密码: first login with a generated password, a reset one, or one past its age. */
export function changePasswordPage(input: {
  action: string;
  username: string;
  error?: string;
}): string {
  return plainPage(
    '修改密码',
    `<h1>修改密码 / Change password</h1>
<p class="hint">用户 ${escapeHtml(input.username)} 需要先修改密码才能继续使用。新密码不少于规定长度，包含大写字母、小写字母、数字、符号中的多类，且不能是常见密码。<br>
Please set a new password: long enough, mixing character classes, not a common one.</p>
${errorBlock(input.error)}
<form method="post" action="${escapeHtml(input.action)}">
<label for="currentPassword">当前密码 / Current password</label>
<input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required>
<label for="password">新密码 / New password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required>
<label for="confirmPassword">确认新密码 / Confirm</label>
<input id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password" required>
<button type="submit">保存并继续 / Save</button>
</form>`,
  );
}
