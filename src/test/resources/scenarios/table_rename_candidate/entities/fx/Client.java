package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "client")
public class Client {
  @Id Long id;
  @Column(nullable = false) String name;
  String email;
}
