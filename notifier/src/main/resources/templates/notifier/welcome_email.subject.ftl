Welcome! Please confirm your email address
