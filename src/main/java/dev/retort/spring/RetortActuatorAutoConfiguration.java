package dev.retort.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Retort's health indicator ({@code retort}) and info contributor, each when its Actuator module is
 * on the classpath.
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnBean(RetortMigrations.class)
public class RetortActuatorAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
  static class Health {

    @Bean
    @ConditionalOnMissingBean(name = "retortHealthIndicator")
    RetortHealthIndicator retortHealthIndicator(RetortMigrations migrations) {
      return new RetortHealthIndicator(migrations);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.info.InfoContributor")
  static class Info {

    @Bean
    @ConditionalOnMissingBean(name = "retortInfoContributor")
    RetortInfoContributor retortInfoContributor(RetortMigrations migrations) {
      return new RetortInfoContributor(migrations);
    }
  }
}
