-- When the notification channel took the survey link; a survey is handed out once.
alter table survey add column sent_at timestamptz;
create index survey_to_send on survey (send_at) where status = 'SCHEDULED' and sent_at is null;
