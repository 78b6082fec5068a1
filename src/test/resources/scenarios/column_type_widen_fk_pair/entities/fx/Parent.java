package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "parent")
public class Parent {
  @Id Long id;
}
