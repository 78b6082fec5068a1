CREATE TABLE article (id bigint PRIMARY KEY, slug varchar(255), author varchar(255));
