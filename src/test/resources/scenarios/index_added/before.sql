CREATE TABLE article (id bigint PRIMARY KEY, slug varchar(255), published timestamp(6) with time zone, author varchar(255));
