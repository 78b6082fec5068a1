CREATE TABLE shop_hours (id bigint PRIMARY KEY, opens time);
INSERT INTO shop_hours VALUES (1, '08:30:00.250');
