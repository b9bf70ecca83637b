-- Orders with their lines and payments. Money is numeric (never float) and
-- the currency is stored once per order; the application keeps amounts at the
-- currency's scale, numeric(19,4) holds every ISO 4217 scale.
CREATE TABLE orders (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id),
    currency VARCHAR(3) NOT NULL,
    status VARCHAR(16) NOT NULL CHECK (status IN ('PLACED', 'PAID')),
    total NUMERIC(19, 4) NOT NULL CHECK (total > 0),
    placed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX idx_orders_user_id ON orders (user_id);

CREATE TABLE order_lines (
    order_id UUID NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no INT NOT NULL,
    sku VARCHAR(64) NOT NULL,
    quantity INT NOT NULL CHECK (quantity > 0),
    unit_price NUMERIC(19, 4) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE payments (
    id UUID PRIMARY KEY,
    order_id UUID NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    payment_no INT NOT NULL,
    amount NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    reference VARCHAR(255) NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_payments_order_no UNIQUE (order_id, payment_no)
);
