package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "client", indexes = @Index(name = "ix_customer_email", columnList = "email"))
public class Client {
  @Id Long id;
  @Column(nullable = false) String name;
  String email;
}
