-- Where notices reach a customer besides SMS: e-mail and the WeChat service account's openid (both optional).
alter table customer add column email text;
alter table customer add column wechat_open_id text;
