package io.leadrouter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LeadRouterApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeadRouterApplication.class, args);
    }
}
