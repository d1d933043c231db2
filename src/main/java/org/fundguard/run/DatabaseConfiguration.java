package org.fundguard.run;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class DatabaseConfiguration {

    @Bean
    public Dialect dialect(DataSource dataSource) {
        return Dialect.of(dataSource);
    }
}
