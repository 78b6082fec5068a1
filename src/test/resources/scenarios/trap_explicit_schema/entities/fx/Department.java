package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "department", schema = "hr")
public class Department {
  @Id Long id;
  @Column(nullable = false) String name;
}
