package fx.ns;

import jakarta.persistence.*;
import java.util.Set;

@Entity
public class BillingAccount {
  @Id Long id;
  String displayName;
  java.time.LocalDate openedOn;
  @ManyToOne AccountOwner primaryOwner;
  @ElementCollection Set<String> tagLabels;
}
