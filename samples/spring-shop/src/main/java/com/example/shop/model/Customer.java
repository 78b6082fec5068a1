package com.example.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** camelCase fields; Spring Boot names the columns first_name, email_address. */
@Entity
public class Customer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 100)
  private String firstName;

  @Column(nullable = false, unique = true)
  private String emailAddress;

  public Long getId() {
    return id;
  }

  public String getFirstName() {
    return firstName;
  }
}
