-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UnitLevel" AS ENUM ('city', 'district', 'ward');

-- CreateEnum
CREATE TYPE "UnitType" AS ENUM ('thanh_pho', 'quan', 'huyen', 'thi_xa', 'phuong', 'xa', 'thi_tran');

-- CreateEnum
CREATE TYPE "LinkKind" AS ENUM ('full', 'partial');

-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('department', 'district_committee', 'ward_committee');

-- CreateEnum
CREATE TYPE "TerminalStatus" AS ENUM ('provisioned', 'active', 'replaced', 'decommissioned');

-- CreateEnum
CREATE TYPE "PaymentService" AS ENUM ('tuition', 'electricity', 'water', 'fee', 'other');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('success', 'failed', 'pending');

-- CreateEnum
CREATE TYPE "OnlineLevel" AS ENUM ('full', 'partial', 'none');

-- CreateEnum
CREATE TYPE "DossierChannel" AS ENUM ('online', 'terminal', 'counter', 'post');

-- CreateEnum
CREATE TYPE "DossierStatus" AS ENUM ('received', 'processing', 'resolved', 'rejected');

-- CreateEnum
CREATE TYPE "DatasetCategory" AS ENUM ('population', 'land', 'enterprise', 'civil_servant', 'health', 'social_protection');

-- CreateEnum
CREATE TYPE "UpdateFrequency" AS ENUM ('daily', 'weekly', 'monthly', 'quarterly', 'yearly');

-- CreateEnum
CREATE TYPE "UpdateStatus" AS ENUM ('draft', 'submitted', 'approved', 'returned');

-- CreateEnum
CREATE TYPE "OrganisationType" AS ENUM ('startup', 'scaleup', 'investor', 'fund', 'incubator', 'accelerator', 'university', 'research_institute', 'programme');

-- CreateEnum
CREATE TYPE "StartupStage" AS ENUM ('idea', 'pre_seed', 'seed', 'series_a', 'series_b', 'growth', 'mature');

-- CreateEnum
CREATE TYPE "ModerationStatus" AS ENUM ('pending', 'approved', 'rejected', 'changes_requested');

-- CreateEnum
CREATE TYPE "RoundLabel" AS ENUM ('pre_seed', 'seed', 'series_a', 'series_b', 'series_c', 'growth', 'grant');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'leader', 'officer', 'founder');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('user', 'device', 'api_token', 'cli', 'system');

-- CreateTable
CREATE TABLE "admin_unit" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_ascii" TEXT NOT NULL,
    "level" "UnitLevel" NOT NULL,
    "type" "UnitType" NOT NULL,
    "parent_id" INTEGER,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "population" INTEGER,
    "households" INTEGER,
    "area_km2" DOUBLE PRECISION,
    "geometry" JSONB,
    "min_lon" DOUBLE PRECISION,
    "min_lat" DOUBLE PRECISION,
    "max_lon" DOUBLE PRECISION,
    "max_lat" DOUBLE PRECISION,
    "center_lon" DOUBLE PRECISION,
    "center_lat" DOUBLE PRECISION,
    "source" TEXT NOT NULL DEFAULT 'synthetic',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "admin_unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "admin_unit_link" (
    "from_id" INTEGER NOT NULL,
    "to_id" INTEGER NOT NULL,
    "kind" "LinkKind" NOT NULL,

    CONSTRAINT "admin_unit_link_pkey" PRIMARY KEY ("from_id","to_id")
);

-- CreateTable
CREATE TABLE "department" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "kind" "DepartmentKind" NOT NULL,
    "unit_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "household" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "ward_id" INTEGER NOT NULL,
    "members" INTEGER,
    "registered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "terminal" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "household_id" INTEGER NOT NULL,
    "ward_id" INTEGER NOT NULL,
    "secret" TEXT NOT NULL,
    "sim_iccid" TEXT,
    "sim_msisdn" TEXT,
    "sim_operator" TEXT,
    "model" TEXT NOT NULL,
    "firmware" TEXT NOT NULL,
    "status" "TerminalStatus" NOT NULL DEFAULT 'provisioned',
    "installed_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "decommissioned_at" TIMESTAMPTZ(3),
    "replaced_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "terminal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "heartbeat" (
    "id" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "terminal_id" INTEGER NOT NULL,
    "ward_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "signal_dbm" INTEGER,
    "mcc_mnc" TEXT,
    "firmware" TEXT,

    CONSTRAINT "heartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment" (
    "id" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "terminal_id" INTEGER NOT NULL,
    "household_id" INTEGER NOT NULL,
    "ward_id" INTEGER NOT NULL,
    "service" "PaymentService" NOT NULL,
    "amount_vnd" BIGINT NOT NULL,
    "biller" TEXT NOT NULL,
    "status" "PaymentStatus" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_session" (
    "id" BIGSERIAL NOT NULL,
    "event_id" UUID NOT NULL,
    "terminal_id" INTEGER NOT NULL,
    "household_id" INTEGER NOT NULL,
    "ward_id" INTEGER NOT NULL,
    "service_id" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "duration_sec" INTEGER,

    CONSTRAINT "service_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_daily" (
    "ward_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "service" "PaymentService" NOT NULL,
    "count" INTEGER NOT NULL,
    "amount_vnd" BIGINT NOT NULL,

    CONSTRAINT "payment_daily_pkey" PRIMARY KEY ("ward_id","day","service")
);

-- CreateTable
CREATE TABLE "terminal_daily" (
    "ward_id" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "active_terminals" INTEGER NOT NULL,
    "heartbeats" INTEGER NOT NULL,
    "service_sessions" INTEGER NOT NULL,

    CONSTRAINT "terminal_daily_pkey" PRIMARY KEY ("ward_id","day")
);

-- CreateTable
CREATE TABLE "public_service" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "department_id" INTEGER NOT NULL,
    "online_level" "OnlineLevel" NOT NULL,
    "fee_vnd" INTEGER,
    "processing_days" INTEGER NOT NULL,

    CONSTRAINT "public_service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dossier" (
    "id" TEXT NOT NULL,
    "procedure_id" INTEGER NOT NULL,
    "department_id" INTEGER NOT NULL,
    "ward_id" INTEGER NOT NULL,
    "household_code" TEXT,
    "channel" "DossierChannel" NOT NULL,
    "status" "DossierStatus" NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "paid_online" BOOLEAN NOT NULL,
    "digitised" BOOLEAN NOT NULL,
    "electronic_result" BOOLEAN NOT NULL,
    "satisfaction" INTEGER,

    CONSTRAINT "dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name_vi" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "category" "DatasetCategory" NOT NULL,
    "department_id" INTEGER NOT NULL,
    "responsible_id" TEXT,
    "frequency" "UpdateFrequency" NOT NULL,
    "fields" JSONB NOT NULL,
    "target_records" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dataset_update" (
    "id" SERIAL NOT NULL,
    "dataset_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    "status" "UpdateStatus" NOT NULL,
    "row_count" INTEGER NOT NULL,
    "completeness" DOUBLE PRECISION NOT NULL,
    "validity" DOUBLE PRECISION NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "approved_at" TIMESTAMPTZ(3),
    "submitted_by_id" TEXT,
    "comment" TEXT,

    CONSTRAINT "dataset_update_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organisation" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_ascii" TEXT NOT NULL,
    "type" "OrganisationType" NOT NULL,
    "tax_code" TEXT,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "sectors" TEXT[],
    "stage" "StartupStage",
    "founded_on" DATE,
    "team_size" INTEGER,
    "ward_id" INTEGER,
    "lon" DOUBLE PRECISION,
    "lat" DOUBLE PRECISION,
    "address" TEXT,
    "website" TEXT,
    "description_vi" TEXT,
    "description_en" TEXT,
    "status" "ModerationStatus" NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "funding_round" (
    "id" SERIAL NOT NULL,
    "organisation_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "label" "RoundLabel" NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'VND',

    CONSTRAINT "funding_round_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "department_id" INTEGER,
    "organisation_id" INTEGER,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "email_verified_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" SERIAL NOT NULL,
    "department_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_kind" "ActorKind" NOT NULL,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "details" JSONB,
    "ip" TEXT,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "admin_unit_level_valid_to_idx" ON "admin_unit"("level", "valid_to");

-- CreateIndex
CREATE INDEX "admin_unit_parent_id_idx" ON "admin_unit"("parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "admin_unit_code_valid_from_key" ON "admin_unit"("code", "valid_from");

-- CreateIndex
CREATE INDEX "admin_unit_link_to_id_idx" ON "admin_unit_link"("to_id");

-- CreateIndex
CREATE UNIQUE INDEX "department_code_key" ON "department"("code");

-- CreateIndex
CREATE UNIQUE INDEX "household_code_key" ON "household"("code");

-- CreateIndex
CREATE INDEX "household_ward_id_idx" ON "household"("ward_id");

-- CreateIndex
CREATE UNIQUE INDEX "terminal_code_key" ON "terminal"("code");

-- CreateIndex
CREATE INDEX "terminal_ward_id_status_idx" ON "terminal"("ward_id", "status");

-- CreateIndex
CREATE INDEX "terminal_household_id_idx" ON "terminal"("household_id");

-- CreateIndex
CREATE INDEX "terminal_last_seen_at_idx" ON "terminal"("last_seen_at");

-- CreateIndex
CREATE UNIQUE INDEX "heartbeat_event_id_key" ON "heartbeat"("event_id");

-- CreateIndex
CREATE INDEX "heartbeat_ward_id_at_idx" ON "heartbeat"("ward_id", "at");

-- CreateIndex
CREATE INDEX "heartbeat_terminal_id_at_idx" ON "heartbeat"("terminal_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_event_id_key" ON "payment"("event_id");

-- CreateIndex
CREATE INDEX "payment_ward_id_at_idx" ON "payment"("ward_id", "at");

-- CreateIndex
CREATE INDEX "payment_household_id_at_idx" ON "payment"("household_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "service_session_event_id_key" ON "service_session"("event_id");

-- CreateIndex
CREATE INDEX "service_session_ward_id_at_idx" ON "service_session"("ward_id", "at");

-- CreateIndex
CREATE INDEX "payment_daily_day_idx" ON "payment_daily"("day");

-- CreateIndex
CREATE INDEX "terminal_daily_day_idx" ON "terminal_daily"("day");

-- CreateIndex
CREATE UNIQUE INDEX "public_service_code_key" ON "public_service"("code");

-- CreateIndex
CREATE INDEX "public_service_department_id_idx" ON "public_service"("department_id");

-- CreateIndex
CREATE INDEX "dossier_department_id_received_at_idx" ON "dossier"("department_id", "received_at");

-- CreateIndex
CREATE INDEX "dossier_ward_id_received_at_idx" ON "dossier"("ward_id", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_code_key" ON "dataset"("code");

-- CreateIndex
CREATE INDEX "dataset_department_id_idx" ON "dataset"("department_id");

-- CreateIndex
CREATE INDEX "dataset_update_dataset_id_period_start_idx" ON "dataset_update"("dataset_id", "period_start");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_update_dataset_id_version_key" ON "dataset_update"("dataset_id", "version");

-- CreateIndex
CREATE UNIQUE INDEX "organisation_slug_key" ON "organisation"("slug");

-- CreateIndex
CREATE INDEX "organisation_type_status_idx" ON "organisation"("type", "status");

-- CreateIndex
CREATE INDEX "organisation_ward_id_idx" ON "organisation"("ward_id");

-- CreateIndex
CREATE INDEX "funding_round_organisation_id_idx" ON "funding_round"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "audit_log_entity_entity_id_idx" ON "audit_log"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- AddForeignKey
ALTER TABLE "admin_unit" ADD CONSTRAINT "admin_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_unit_link" ADD CONSTRAINT "admin_unit_link_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "admin_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "admin_unit_link" ADD CONSTRAINT "admin_unit_link_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "admin_unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "department" ADD CONSTRAINT "department_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "household" ADD CONSTRAINT "household_ward_id_fkey" FOREIGN KEY ("ward_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "terminal" ADD CONSTRAINT "terminal_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "terminal" ADD CONSTRAINT "terminal_ward_id_fkey" FOREIGN KEY ("ward_id") REFERENCES "admin_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "public_service" ADD CONSTRAINT "public_service_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_procedure_id_fkey" FOREIGN KEY ("procedure_id") REFERENCES "public_service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dossier" ADD CONSTRAINT "dossier_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset" ADD CONSTRAINT "dataset_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dataset_update" ADD CONSTRAINT "dataset_update_dataset_id_fkey" FOREIGN KEY ("dataset_id") REFERENCES "dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_ward_id_fkey" FOREIGN KEY ("ward_id") REFERENCES "admin_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding_round" ADD CONSTRAINT "funding_round_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
