CREATE TABLE ticket (id bigserial PRIMARY KEY, title text);
