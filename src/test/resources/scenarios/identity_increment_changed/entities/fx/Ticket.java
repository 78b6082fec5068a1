package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "ticket")
public class Ticket {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
  String title;
}
