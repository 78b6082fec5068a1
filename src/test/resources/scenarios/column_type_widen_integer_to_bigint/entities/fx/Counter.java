package fx;

import jakarta.persistence.*;

@Entity
@Table(name = "counter")
public class Counter {
  @Id Long id;
  @Column(nullable = false) long hits;
  @Column(name = "small_hits") Integer smallHits;
}
