CREATE TABLE "user" (id bigint PRIMARY KEY, "order" integer, "MixedCase" varchar(255), "group" varchar(40) NOT NULL);
CREATE TABLE "OrderLine" ("Id" bigint PRIMARY KEY, "user" bigint REFERENCES "user" (id));
