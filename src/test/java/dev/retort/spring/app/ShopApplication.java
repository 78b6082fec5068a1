package dev.retort.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small Spring Boot application whose migrations live in its own package. */
@SpringBootApplication
public class ShopApplication {}
