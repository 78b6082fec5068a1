package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "customer")
public class Customer {
  public enum Status { ACTIVE, BLOCKED }

  @Id Long id;

  @Column(nullable = false)
  String name;

  @Enumerated(EnumType.STRING)
  Status status;

  /** New in the entity since the last changeset: the one drift to migrate. */
  String email;
}
