package fx.ix;

import jakarta.persistence.*;

@Entity
@Table(name = "accounts",
    indexes = {
      @Index(name = "ix_accounts_org_created", columnList = "org, created desc"),
      @Index(columnList = "region"),
      @Index(name = "ux_accounts_handle", columnList = "handle", unique = true)
    },
    uniqueConstraints = @UniqueConstraint(name = "uq_accounts_org_email", columnNames = {"org", "email"}))
public class Account {
  @Id Long id;
  String org;
  String email;
  String region;
  String handle;
  java.time.Instant created;
  @Column(unique = true) String code;
}
