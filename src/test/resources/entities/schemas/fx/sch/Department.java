package fx.sch;

import jakarta.persistence.*;

@Entity
@Table(name = "departments")
public class Department {
  @Id Long id;
  @Column(nullable = false) String name;
}
