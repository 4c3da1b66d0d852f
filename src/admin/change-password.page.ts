const escapeHtml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** A small server-rendered page: it must work before the AdminJS app is allowed to load. */
export function changePasswordPage(input: {
  action: string;
  username: string;
  error?: string;
}): string {
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>修改密码 - 人大工委工作平台</title>
<style>
body{font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;background:#f6f7fb;margin:0}
main{max-width:420px;margin:8vh auto;background:#fff;padding:32px;border-radius:8px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
h1{font-size:20px;margin:0 0 8px}p.hint{color:#555;font-size:14px}label{display:block;margin:16px 0 4px;font-size:14px}
input{width:100%;box-sizing:border-box;padding:8px;font-size:15px;border:1px solid #ccd;border-radius:4px}
button{margin-top:24px;width:100%;padding:10px;font-size:16px;background:#c8102e;color:#fff;border:0;border-radius:4px;cursor:pointer}
.error{color:#b00020;background:#fdecee;padding:8px;border-radius:4px;font-size:14px}
</style>
</head>
<body><main>
<h1>修改密码 / Change password</h1>
<p class="hint">用户 ${escapeHtml(input.username)} 需要先修改密码才能继续使用。新密码至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类。<br>
Please set a new password: at least 10 characters from 3 of 4 classes.</p>
${error}
<form method="post" action="${escapeHtml(input.action)}">
<label for="currentPassword">当前密码 / Current password</label>
<input id="currentPassword" name="currentPassword" type="password" autocomplete="current-password" required>
<label for="password">新密码 / New password</label>
<input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required>
<label for="confirmPassword">确认新密码 / Confirm</label>
<input id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password" minlength="10" required>
<button type="submit">保存并继续 / Save</button>
</form>
</main></body></html>`;
}
