package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "users")
public class User {
  @Id Long id;
  @Column(name = "display_name", nullable = false) String displayName;
}
