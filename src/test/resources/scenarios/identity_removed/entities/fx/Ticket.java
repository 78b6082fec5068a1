package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "ticket")
public class Ticket {
  @Id Long id;
  String title;
}
