CREATE TABLE doc (id bigint PRIMARY KEY, status varchar(20) DEFAULT 'draft', note text DEFAULT 'it''s new');
