package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "customer")
public class Customer {
  @Id Long id;
  String name;
}
