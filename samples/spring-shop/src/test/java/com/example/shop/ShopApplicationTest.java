package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Starts the application on the database in DB_URL: Retort applies the migrations before JPA
 * validates the schema, and its health indicator says the database is at the head.
 */
@SpringBootTest
class ShopApplicationTest {

  @Autowired HealthEndpoint health;

  @Test
  void startsAtTheHead() {
    IndicatedHealthDescriptor retort = (IndicatedHealthDescriptor) health.healthForPath("retort");
    assertEquals("UP", retort.getStatus().getCode());
    assertEquals(0, retort.getDetails().get("pending"));
  }
}
