-- AlterTable
ALTER TABLE "heartbeat" ADD COLUMN     "received_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "payment" ADD COLUMN     "received_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "service_session" ADD COLUMN     "received_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "terminal" ADD COLUMN     "presence_bits" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "presence_day" DATE;

-- CreateTable
CREATE TABLE "terminal_status_change" (
    "id" BIGSERIAL NOT NULL,
    "terminal_id" INTEGER NOT NULL,
    "from_status" "TerminalStatus",
    "to_status" "TerminalStatus" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_kind" "ActorKind" NOT NULL,
    "actor_id" TEXT,
    "reason" TEXT,

    CONSTRAINT "terminal_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "terminal_status_change_terminal_id_at_idx" ON "terminal_status_change"("terminal_id", "at");

-- AddForeignKey
ALTER TABLE "terminal_status_change" ADD CONSTRAINT "terminal_status_change_terminal_id_fkey" FOREIGN KEY ("terminal_id") REFERENCES "terminal"("id") ON DELETE CASCADE ON UPDATE CASCADE;
