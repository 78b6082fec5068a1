package fx;

import jakarta.persistence.*;

@Entity
public class Ticket {
  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
  @Column(columnDefinition = "text") String title;
}
