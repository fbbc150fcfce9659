-- A no-show is recorded once per appointment window (rule no-show-once-per-window); a reschedule opens a new window.
alter table visit add column no_show_in_window boolean not null default false;
