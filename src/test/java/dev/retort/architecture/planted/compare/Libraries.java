package dev.retort.architecture.planted.compare;

/** Planted: libraries outside their one package. */
public class Libraries {
  org.hibernate.boot.Metadata hibernate;
  schemacrawler.schema.Catalog catalog;
  com.palantir.javapoet.CodeBlock code;
  picocli.CommandLine commandLine;
  io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;
  net.sf.jsqlparser.statement.Statement statement;
  org.springframework.boot.autoconfigure.AutoConfiguration autoConfiguration;
  org.yaml.snakeyaml.Yaml yaml;
  org.opentest4j.AssertionFailedError assertionFailed;
  liquibase.changelog.ChangeSet changeSet;
  org.apache.maven.plugin.Mojo mojo;
  org.hibernate.tool.api.reveng.RevengStrategy revengStrategy;
  org.testcontainers.postgresql.PostgreSQLContainer container;
}
